"""The site as `make lighthouse` serves it: production's WSGI application, plus the uploaded
files (lesson pictures), which a production web server or object store serves in front of
Django. Renditions made while a page renders are found at once (autorefresh)."""

from django.conf import settings

from whitenoise import WhiteNoise

from lms.wsgi import application as django_application

application = WhiteNoise(django_application, autorefresh=True)
application.add_files(str(settings.MEDIA_ROOT), prefix=settings.MEDIA_URL)
