from django import forms
from django.contrib.auth.forms import AuthenticationForm

from coproduce.forms import WholeFormErrorsMarkFields


class SignInLinkForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="We will email you a link. Use it within 15 minutes to sign in.",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


class PasswordSignInForm(WholeFormErrorsMarkFields, AuthenticationForm):
    """Django's sign-in form with plain-language labels and messages.

    A wrong email address or password is one error about the pair, so it marks both fields.
    """

    whole_form_errors_mark = ("username", "password")

    error_messages = {
        "invalid_login": "Enter a correct email address and password. If you have forgotten your password, "
        "sign in with an emailed link instead.",
        "inactive": "This account is closed. Contact a coordinator if you think this is wrong.",
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = "Email address"
        self.fields["username"].widget = forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"})
        self.fields["username"].error_messages["required"] = "Enter your email address"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"
