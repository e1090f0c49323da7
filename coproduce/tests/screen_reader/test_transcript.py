"""Reading Orca's debug log and hearing the defects in it, on logs written the way Orca 43 writes them."""

from coproduce.tests.screen_reader.transcript import Step, defects, speech_lines, transcript

LOG = """21:58:01.123456 - EVENT MANAGER: focus:  for DOCUMENT_WEB
21:58:01.223456 - SPEECH OUTPUT: 'Sign in with a password – Coproduce'
21:58:01.323456 - SPEECH OUTPUT: 'Email address entry invalid entry' voice=uppercase{'average-pitch': 7.0}
21:58:01.423456 - SPEECH OUTPUT: 'You're owed £6.40000000000000'
21:58:01.523456 - SPEECH OUTPUT: 'F6 ' {'established': False}
21:58:01.623456 - SPEECH OUTPUT: 'localhost:55331'[{'established': False}]
"""


def test_speech_lines_are_read_from_the_debug_log_without_times_or_voices():
    assert speech_lines(LOG) == [
        "Sign in with a password – Coproduce",
        "Email address entry invalid entry",
        "You're owed £6.40000000000000",
        "F6 ",
        "localhost:55331",
    ]


def test_speech_going_on_over_several_lines_of_the_log_is_read_whole_and_heard_for_defects():
    log = (
        "23:34:55.020509 - SPEECH OUTPUT: 'Your reference is\n"
        "                  '\n"
        "23:34:55.020704 - WEB SAY ALL CONTENT: 1. [static | ] 'KTZ8-FEU7-MF8P' (0-14)\n"
        "23:33:21.350122 - SPEECH OUTPUT: 'Your payment link. \n"
        "                  £6.40000000000000 for your time, on 30 November 2026. '{'established': False}\n"
    )
    said = ["Your reference is ", "Your payment link.  £6.40000000000000 for your time, on 30 November 2026. "]
    assert speech_lines(log) == said
    assert defects(Step("Payments", said)) == [f"Payments: a number read as a long decimal: {said[1]!r}"]


def test_a_long_decimal_is_a_defect_and_money_in_pounds_and_pence_is_not():
    assert defects(Step("Payments", ["£6.40", "12.5 hours", "Sign in"])) == []
    assert defects(Step("Payments", ["You're owed £6.40000000000000"])) == [
        'Payments: a number read as a long decimal: "You\'re owed £6.40000000000000"'
    ]


def test_an_error_summary_said_twice_or_not_at_all_is_a_defect():
    twice = Step("Sign in", ["There is a problem", "alert There is a problem"], error_summary=True)
    silent = Step("Sign in", ["Sign in heading level 1"], error_summary=True)
    once = Step("Sign in", ["There is a problem list with 2 items"], error_summary=True)

    assert defects(twice) == ["Sign in: the error summary ('There is a problem') was said 2 times, not once"]
    assert defects(silent) == ["Sign in: the error summary ('There is a problem') was said 0 times, not once"]
    assert defects(once) == []


def test_the_error_summary_read_again_in_the_page_read_aloud_after_its_announcement_is_not_a_defect():
    arrival = [
        "There is a problem Enter your password.",
        "Finished loading",
        "Page has 3 headings.",
        "There is a problem",
    ]
    assert defects(Step("Sign in", arrival, error_summary=True)) == []


def test_a_confirmation_said_twice_is_a_defect():
    saved = "Your display settings are saved."
    assert defects(Step("Save", [saved, f"Success {saved}"], once=[saved])) == [
        "Save: 'Your display settings are saved.' was said 2 times, not once"
    ]
    assert defects(Step("Save", [f"Success {saved}"], once=[saved])) == []


def test_a_field_with_an_error_not_said_to_be_invalid_is_a_defect():
    assert defects(Step("Email", ["Email address entry"], invalid_field=True)) == [
        "Email: the field with an error was not said to be invalid ('invalid entry')"
    ]
    assert defects(Step("Email", ["Email address entry invalid entry"], invalid_field=True)) == []


def test_a_field_whose_error_message_is_not_read_with_it_is_a_defect():
    password = "Enter your password"
    assert defects(Step("Password", ["Password password text."], error_message=password)) == [
        "Password: the field's error ('Enter your password') was not read with it"
    ]
    assert (
        defects(Step("Password", ["Password password text.", " Error:  Enter your password."], error_message=password))
        == []
    )


def test_the_transcript_names_each_step_then_what_was_said():
    assert transcript([Step("Arrive", ["Sign in", "heading level 1"])]) == "## Arrive\n  Sign in\n  heading level 1\n"
