"""Check before sending: one text pipeline (normalise, match, map back) shared by the copy check
of marketing texts and send plans, and by the notice classifier (app.rules.classifier)."""
