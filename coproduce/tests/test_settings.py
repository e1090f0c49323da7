import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READS = re.compile(r"""(?:environ\.get|environ\[|env_bool|env_list)\(?\s*["']([A-Z_]+)["']""")


def test_env_example_documents_every_variable_the_settings_read():
    read = set(READS.findall((ROOT / "coproduce" / "settings.py").read_text()))
    documented = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), flags=re.MULTILINE))

    assert read - {"DJANGO_SETTINGS_MODULE"} == documented
