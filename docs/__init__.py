"""The user guide as package data (``app.docs``): Help → User guide reads it in the app."""
