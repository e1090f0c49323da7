import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READS = re.compile(r"""(?:environ\.get|environ\[|env_bool|env_list)\(?\s*["']([A-Z_]+)["']""")


def test_env_example_documents_every_variable_the_settings_read():
    read = set(READS.findall((ROOT / "coproduce" / "settings.py").read_text()))
    documented = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), flags=re.MULTILINE))

    assert read - {"DJANGO_SETTINGS_MODULE"} == documented


APP_READS = re.compile(r"settings\.(COPRODUCE_[A-Z_]+)")
STATED = re.compile(r"^(COPRODUCE_[A-Z_]+) = ", flags=re.MULTILINE)


def test_settings_state_every_coproduce_setting_the_code_reads():
    """settings.py is the one place a setting gets its default: code reads settings.COPRODUCE_* plainly."""
    stated = set(STATED.findall((ROOT / "coproduce" / "settings.py").read_text()))
    read: set[str] = set()
    for module in (ROOT / "coproduce").rglob("*.py"):
        if "tests" not in module.parts and module.name != "settings.py":
            read |= set(APP_READS.findall(module.read_text()))

    assert read, "found no settings read: the pattern no longer matches the code"
    assert read <= stated, f"read but not in settings.py: {sorted(read - stated)}"


def test_no_code_gives_a_setting_a_second_default():
    fallbacks = [
        str(module.relative_to(ROOT))
        for module in (ROOT / "coproduce").rglob("*.py")
        if "tests" not in module.parts and re.search(r"getattr\(\s*settings\s*,", module.read_text())
    ]
    assert fallbacks == []
