import json

from academy.cli import main
from tests.integration.conftest import count


def test_seed_demo_is_idempotent(engine, capsys):
    assert main(["seed-demo"]) == 0
    assert json.loads(capsys.readouterr().out)["accounts"] == 9
    assert main(["seed-demo"]) == 0
    assert json.loads(capsys.readouterr().out)["accounts"] == 0
    # the nine demo accounts and four colleagues the survey demo adds at Servicecenter
    assert count(engine, "users") == 13
    assert count(engine, "survey_campaigns") == 2 and count(engine, "survey_responses") == 8


def test_seed_demo_if_empty_leaves_a_used_database_alone(engine, monkeypatch, capsys):
    monkeypatch.setenv("ACADEMY_ADMIN_PASSWORD", "ett-langt-losenord")
    assert main(["create-admin", "chef@kommun.se"]) == 0
    assert main(["seed-demo", "--if-empty"]) == 0
    assert "inga demodata" in capsys.readouterr().out
    assert count(engine, "users") == 1


def test_create_admin_reads_password_from_environment(engine, monkeypatch, capsys):
    monkeypatch.setenv("ACADEMY_ADMIN_PASSWORD", "ett-langt-losenord")
    assert main(["create-admin", "chef@kommun.se", "--name", "Chef"]) == 0
    assert main(["create-admin", "chef@kommun.se"]) == 1
    assert "Det finns redan en användare" in capsys.readouterr().err
    monkeypatch.setenv("ACADEMY_ADMIN_PASSWORD", "kort")
    assert main(["create-admin", "ny@kommun.se"]) == 1
    assert "minst 10 tecken" in capsys.readouterr().err
    assert count(engine, "users") == 1
