"""Link shortener with a Redis cache, rate limits and live notifications."""

__version__ = "0.4.2"
