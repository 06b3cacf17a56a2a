"""The grammar: lexicon and rules as data (en/*.toml), compiled by loader.py."""
