import pytest

from academy.core.errors import ValidationError
from academy.core.security import hash_password, token_digest, verify_password
from academy.core.validation import normalise_email, required_text


def test_password_hash_verifies_only_the_right_password():
    hashed = hash_password("rätt lösenord")
    assert hashed.startswith("$argon2id$")
    assert verify_password(hashed, "rätt lösenord")
    assert not verify_password(hashed, "fel lösenord")
    assert not verify_password(None, "rätt lösenord")
    assert not verify_password("not-a-hash", "x")


def test_token_digest_is_stable_and_distinct():
    assert token_digest("a") == token_digest("a")
    assert token_digest("a") != token_digest("b")
    assert len(token_digest("a")) == 64


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(" Anna.Lind@Kommun.SE ", "anna.lind@kommun.se"), ("åsa@kommun.se", "åsa@kommun.se")],
)
def test_emails_are_normalised(raw, expected):
    assert normalise_email(raw) == expected


@pytest.mark.parametrize("raw", ["", "   ", "anna", "anna@", "@kommun.se", "anna@@kommun.se"])
def test_malformed_emails_are_refused_in_swedish(raw):
    with pytest.raises(ValidationError) as refused:
        normalise_email(raw)
    assert "e-postadress" in refused.value.message


def test_required_text():
    assert required_text("  Namn ", "Namn") == "Namn"
    with pytest.raises(ValidationError, match="Namn måste fyllas i."):
        required_text(" ", "Namn")
    with pytest.raises(ValidationError, match="högst 3 tecken"):
        required_text("abcd", "Namn", max_length=3)


def test_passwords_are_hashed_with_owasp_argon2id_parameters():
    from academy.core.security import hash_password, needs_rehash, verify_password

    stored = hash_password("ett-bra-lösenord-för-test")
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert verify_password(stored, "ett-bra-lösenord-för-test")
    assert not needs_rehash(stored)
