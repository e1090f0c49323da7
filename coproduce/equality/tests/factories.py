import factory

from coproduce.equality.models import EqualityResponse
from coproduce.people.models import Consent, ConsentMethod, Notice, Purpose
from coproduce.people.tests.factories import PersonFactory


class EqualityConsentFactory(factory.django.DjangoModelFactory):
    """A person's online consent to equality monitoring under the current notice."""

    class Meta:
        model = Consent

    person = factory.SubFactory(PersonFactory)
    notice = factory.LazyFunction(lambda: Notice.objects.current(Purpose.EQUALITY_MONITORING))
    method = ConsentMethod.ONLINE


class EqualityResponseFactory(factory.django.DjangoModelFactory):
    """Answers given under the person's consent; every question skipped unless given."""

    class Meta:
        model = EqualityResponse

    person = factory.SubFactory(PersonFactory)
    consent = factory.SubFactory(EqualityConsentFactory, person=factory.SelfAttribute("..person"))
