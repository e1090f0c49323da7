"""Running the real background worker in a test, as `manage.py db_worker` runs in production."""

import signal

from django.core.management import call_command

HANDLED = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)


def run_worker() -> None:
    """Run every queued task whose time has come, then stop.

    The worker installs its own handlers for SIGINT, SIGTERM and SIGQUIT; pytest's are put back
    afterwards, so that Ctrl+C still stops the test run.
    """
    saved = {sig: signal.getsignal(sig) for sig in HANDLED}
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
