"""Entry point for a checkout: ``python cli.py --help`` (installed: ``framing --help``)."""

from framing_cli.app import main

if __name__ == "__main__":
    main()
