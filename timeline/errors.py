"""The one exception type the command line turns into a clean message."""


class InputError(Exception):
    """Bad input from the user: the message is shown as is, the exit code is 2."""
