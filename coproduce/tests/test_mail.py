from django.core.mail import EmailMessage

from coproduce.mail import DevelopmentEmailBackend


def test_development_email_backend_prints_and_keeps_a_file(tmp_path, capsys):
    backend = DevelopmentEmailBackend(file_path=str(tmp_path))
    message = EmailMessage("Your link", "Open http://127.0.0.1:8000/x/", "a@example.org", ["dev@example.org"])

    sent = backend.send_messages([message])

    assert sent == 1
    assert "Open http://127.0.0.1:8000/x/" in capsys.readouterr().out
    [kept] = list(tmp_path.iterdir())
    assert "Open http://127.0.0.1:8000/x/" in kept.read_text()
