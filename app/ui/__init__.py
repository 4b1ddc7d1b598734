"""Everything that imports Qt: the main window, pages, widgets, forms and translations.

Adding a workspace page
    1. Draw forms/pages/<name>.ui in Qt Designer (top-level class <Name>Page, layouts only).
    2. ``python tools/build_forms.py`` compiles it to app/ui/forms/ui_<name>.py (do not edit).
    3. Write app/ui/pages/<name>.py: a QWidget subclass taking ``(context: AppContext,
       parent=None)`` that does ``self.ui = Ui_<Name>Page(); self.ui.setupUi(self)`` and
       connects ``context.hub.language_changed`` to a method that calls
       ``self.ui.retranslateUi(self)`` and re-renders catalogue texts in ``context.lang``.
    4. Append one ``PageEntry`` to ``PAGES`` in app/ui/pages/__init__.py.

Translations
    UI strings go through ``self.tr()`` / ``QCoreApplication.translate("Context", "literal")``;
    strings defined at import time are marked with ``QT_TRANSLATE_NOOP``. Then
    ``python tools/i18n.py update``, write a {source: translation} JSON and
    ``python tools/i18n.py fill FILE.json``, ``python tools/i18n.py release``;
    ``python tools/i18n.py check`` (and the UI tests) fail while anything is unfinished.
    Layouts must survive strings 1.3 times as long (``language.StretchTranslator``,
    tests/ui/test_stretch.py, ``tools/screenshots.py --stretch 1.3``).

Colours
    No colour literals: palette roles (``palette(base)`` in stylesheets) or theme tokens from
    app/ui/theme.py, written ``@hint``, ``@error``… and set with ``theme.style(widget, css)``,
    which restyles the widget when the user or the system switches between light and dark.

Accessibility and keyboard
    The window names every page's controls from their labels (``accessibility.watch``); a new
    dialog calls ``accessibility.watch(self)`` at the end of ``__init__``. Icon-only buttons
    and drawings get an explicit ``setAccessibleName``/``setAccessibleDescription``. Widgets
    created after ``setupUi`` join the Tab chain where they are drawn
    (``accessibility.tab_after``); tests/ui/test_keyboard_workflows.py checks the order.
"""
