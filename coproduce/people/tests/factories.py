import factory

from coproduce.accounts.tests.factories import UserFactory
from coproduce.people.models import Person, PersonKind


class PersonFactory(factory.django.DjangoModelFactory[Person]):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Test Person {n}")
    kind = PersonKind.MEMBER
    email = factory.Sequence(lambda n: f"contact{n}@example.org")


class PersonWithSignInFactory(PersonFactory):
    user = factory.SubFactory(UserFactory, email=factory.SelfAttribute("..email"))
