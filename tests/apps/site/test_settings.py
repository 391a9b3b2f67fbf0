"""The database comes from the environment; the site speaks Vietnamese."""

from django.conf import settings

from kehoach.site import settings as site_settings
from kehoach.site.settings import database_config


def test_sqlite_at_kehoach_db_by_default():
    config = database_config({})
    assert (config["ENGINE"], config["NAME"]) == ("django.db.backends.sqlite3", "kehoach.sqlite3")
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]  # readers never wait for a writer
    assert database_config({"KEHOACH_DB": "/srv/kehoach/db.sqlite3"})["NAME"] == "/srv/kehoach/db.sqlite3"


def test_database_url_selects_postgresql():
    config = database_config({"DATABASE_URL": "postgres://kh:secret@db.example:5433/kehoach", "KEHOACH_DB": "x"})
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["HOST"], config["PORT"]) == ("kehoach", "kh", "db.example", 5433)


def test_language_time_zone_and_keys():
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _ in settings.LANGUAGES] == ["vi", "en"]
    assert "kehoach.web.language.ChosenLanguageMiddleware" in settings.MIDDLEWARE
    assert "django.middleware.locale.LocaleMiddleware" not in settings.MIDDLEWARE  # no Accept-Language
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh" and settings.USE_TZ
    assert settings.DEFAULT_AUTO_FIELD == "django.db.models.BigAutoField"
    # The test runner swaps the e-mail backend for its own, so read the module itself.
    assert site_settings.EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend"


def test_the_root_sends_an_anonymous_visitor_to_the_published_figures(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/public/"
