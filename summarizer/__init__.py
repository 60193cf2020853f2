"""summarizer: German business news in, a typed English summary with grounded deal fields out.

>>> from summarizer import summarize
>>> summary = summarize(open("examples/amazon-openai-50bn-talks.txt").read())
>>> summary.deals[0].amount.english
'up to $50 billion'
"""

from .config import Settings
from .errors import BackendError, ConfigError, InputError, SummarizerError
from .models import ArticleSummary, Deal, MarketMove, MoneyFigure, PercentFigure
from .money import Money, Percent, Qualifier, find_money, find_percents, parse_money, parse_percent
from .pipeline import asummarize, summarize

__all__ = [
    "ArticleSummary",
    "BackendError",
    "ConfigError",
    "Deal",
    "InputError",
    "MarketMove",
    "Money",
    "MoneyFigure",
    "Percent",
    "PercentFigure",
    "Qualifier",
    "Settings",
    "SummarizerError",
    "asummarize",
    "find_money",
    "find_percents",
    "parse_money",
    "parse_percent",
    "summarize",
]
