"""Small checks the Makefile and CI use: `python -m yuanqu.devtools pg-reachable URL`."""

import sys


def pg_reachable(url: str) -> bool:
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    # Connect to the maintenance database: the test run creates its own.
    params = conninfo_to_dict(url) | {"dbname": "postgres", "connect_timeout": 3}
    try:
        with psycopg.connect(**params):
            return True
    except psycopg.Error as error:
        print(f"PostgreSQL: {error}".strip(), file=sys.stderr)
        return False


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "pg-reachable":
        return 0 if pg_reachable(argv[1]) else 1
    print("usage: python -m yuanqu.devtools pg-reachable URL", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
