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


def pg_database(url: str, name: str) -> str | None:
    """A fresh database `name` on the server of `url` (dropped and made again); its URL, or
    None when the server cannot be reached."""
    import psycopg
    from psycopg import sql
    from psycopg.conninfo import conninfo_to_dict

    if not pg_reachable(url):
        return None
    params = conninfo_to_dict(url) | {"dbname": "postgres", "connect_timeout": 3}
    with psycopg.connect(**params, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    info = conninfo_to_dict(url) | {"dbname": name}
    user = f"{info['user']}@" if info.get("user") else ""
    return f"postgres://{user}{info.get('host', '127.0.0.1')}:{info.get('port', 5432)}/{name}"


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "pg-reachable":
        return 0 if pg_reachable(argv[1]) else 1
    print("usage: python -m yuanqu.devtools pg-reachable URL", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
