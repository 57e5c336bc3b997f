import os

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
REDIS_POOL_MAX = int(os.environ.get("REDIS_POOL_MAX", "10"))
CACHE_TTL = 300
RATE_LIMIT = 60  # requests per window
RATE_WINDOW = 60  # seconds
