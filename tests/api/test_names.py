"""Name validators word their problems exactly as apimachinery's util/validation does."""

import pytest

from sandbox.api.validation import names

LABEL_MSG = (
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start "
    "and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
)
SUBDOMAIN_MSG = (
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
    "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
)


@pytest.mark.parametrize(
    ("fn", "value", "expected"),
    [
        (names.is_dns1123_label, "my-name", []),
        (names.is_dns1123_label, "My_Name", [LABEL_MSG]),
        (names.is_dns1123_label, "a.b", ["must not contain dots"]),
        (names.is_dns1123_label, "a" * 64, ["must be no more than 63 characters"]),
        (names.is_dns1123_subdomain, "example.com", []),
        (names.is_dns1123_subdomain, "Bad_Name", [SUBDOMAIN_MSG]),
        (names.is_dns1123_subdomain, "a" * 254, ["must be no more than 253 characters"]),
        (names.is_valid_port_name, "http", []),
        (names.is_valid_port_name, "1234", ["must contain at least one letter (a-z)"]),
        (names.is_valid_port_name, "a-very-long-port-name", ["must be no more than 15 characters"]),
        (names.is_valid_port_name, "-a--b", ["must not contain consecutive hyphens", "must not begin or end with a hyphen"]),
        (names.is_valid_port_name, "HTTP", ["must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)", "must contain at least one letter (a-z)"]),
        (names.is_valid_port_num, 0, ["must be between 1 and 65535, inclusive"]),
        (names.is_valid_port_num, 65535, []),
        (names.is_qualified_name, "app.kubernetes.io/name", []),
        (names.is_qualified_name, "/x", ["prefix part must be non-empty"]),
        (
            names.is_qualified_name,
            "bad key",
            ["name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"],
        ),
        (
            names.is_valid_label_value,
            "-x",
            ["a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
        ),
        (names.is_valid_label_value, "", []),
        (
            names.is_config_map_key,
            "a b",
            ["a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"],
        ),
        (names.is_config_map_key, "..", ["must not be '..'"]),
        (names.is_relaxed_env_var_name, "1 weird.name", []),
        (names.is_relaxed_env_var_name, "A=B", ["a valid environment variable name must consist only of printable ASCII characters other than '='"]),
        (names.name_is_dns_label, "Default", [LABEL_MSG]),
    ],
)
def test_name_checks(fn, value, expected):
    assert fn(value) == expected


def test_generate_name_prefix_may_end_with_dash():
    assert names.name_is_dns_subdomain("web-", True) == []
    assert names.name_is_dns_subdomain("web-", False) == [SUBDOMAIN_MSG]


def test_regex_error_has_the_go_two_spaces_quirk():
    # RegexError appends "'a', " and then " or " before the next example: two spaces before "or".
    assert names.regex_error("m", "f", "a", "b") == "m (e.g. 'a',  or 'b', regex used for validation is 'f')"
