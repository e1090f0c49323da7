from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "coproduce.reviews"
    label = "reviews"
    verbose_name = "Reviews"
