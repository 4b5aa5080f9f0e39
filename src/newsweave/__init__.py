"""newsweave: a cross-lingual picture of a pile of news articles (who, what, when, where, figures, quotes)."""

__version__ = "0.1.0"
