# The worker and beat image used by compose.yaml.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY worker ./worker
COPY schemas ./schemas
RUN pip install --no-cache-dir . && useradd --system --home /app newsworker
USER newsworker
CMD ["celery", "-A", "worker.celery_app", "worker", "--loglevel", "INFO"]
