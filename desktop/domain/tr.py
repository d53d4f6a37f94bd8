"""A Qt-free translation marker that pyside6-lupdate still recognises."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text
