import factory

from coproduce.accounts.models import Role, User


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    role = Role.MEMBER
    password = factory.django.Password("correct-horse-battery-staple")
