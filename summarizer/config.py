"""Settings from the environment (and CLI flags, which override them)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DISTRIBUTION = "german-deal-summarizer"  # the PyPI name; the import name is summarizer


class BackendName(StrEnum):
    auto = "auto"
    openai = "openai"
    local = "local"


class InstructorMode(StrEnum):
    """How instructor asks for structured output: a forced tool call (grammar-constrained on
    llama.cpp, native on OpenAI, guided decoding on vLLM) or JSON in the message."""

    TOOLS = "TOOLS"
    JSON = "JSON"
    JSON_SCHEMA = "JSON_SCHEMA"
    MD_JSON = "MD_JSON"

    @classmethod
    def _missing_(cls, value: object) -> InstructorMode | None:
        return cls.__members__.get(str(value).upper())  # "json_schema" is JSON_SCHEMA


class DealMode(StrEnum):
    """How the model and the deal reader share the work (see summarizer/reader)."""

    auto = "auto"  # reader for the embedded model, hints for an API model
    reader = "reader"  # the deals are the reader's; the model writes prose only where it found none
    choose = "choose"  # the model picks the main deal among the reader's frames
    hints = "hints"  # the model fills every field, with the frames as hints


class Settings(BaseSettings):
    """Every knob, with the environment variable that sets it.

    The API key is a SecretStr so that it never shows up in a repr, a log or an error.
    """

    model_config = SettingsConfigDict(
        env_prefix="SUMMARIZER_", extra="ignore", populate_by_name=True
    )

    openai_api_key: SecretStr | None = Field(None, validation_alias="OPENAI_API_KEY")
    openai_base_url: str | None = Field(
        None, validation_alias="OPENAI_BASE_URL", description="OpenAI-compatible server URL."
    )
    backend: BackendName = Field(
        BackendName.auto,
        description="auto: the API if OPENAI_API_KEY or OPENAI_BASE_URL is set, else the "
        "embedded local model.",
    )
    model: str | None = Field(
        None, description="Model name (gpt-4o-mini for an API, the embedded model locally)."
    )
    mode: InstructorMode = Field(
        InstructorMode.TOOLS,
        description="instructor mode: a forced tool call, or JSON (JSON_SCHEMA sends the "
        "schema as response_format).",
    )
    timeout: float = Field(120.0, gt=0, description="Seconds each model request may take.")
    answer_tokens: int = Field(
        1024, gt=0, description="Tokens the answer may take; the prompt may use the rest."
    )
    max_attempts: int = Field(4, ge=1, description="Attempts per request on server faults.")
    max_reasks: int = Field(2, ge=0, description="Validation re-asks after the first answer.")
    temperature: float = 0.0
    deals: DealMode = Field(
        DealMode.auto,
        description="reader: the deals are the deal reader's; choose: the model picks the "
        "main one among its frames; hints: the model fills every field with the frames as "
        "hints; auto: reader for the embedded model, hints for an API.",
    )
    concurrency: int | None = Field(
        None,
        gt=0,
        description="Articles in flight at once (8 for an API, 1 for the embedded model).",
    )
    cache_file: Path | None = Field(
        None, description="SQLite cache of summaries; default in the user cache directory."
    )
    prices: Path | None = Field(
        None, description="JSON file adding to the price table (USD per million tokens)."
    )

    def deal_mode(self, backend_name: str) -> DealMode:
        """`auto` resolved: a very small model cannot judge roles and figures (measured: it
        chose the main deal no better than the reader ranks it), an API model can, and is
        checked the same way."""
        if self.deals is DealMode.auto:
            return DealMode.reader if backend_name == BackendName.local else DealMode.hints
        return self.deals

    def in_flight(self, backend_name: str) -> int:
        """Articles in flight at once: as set, else 8 for an API (polite for rate limits,
        and most of the speed-up of more) and 1 for the embedded model (it has one slot)."""
        return self.concurrency or (1 if backend_name == BackendName.local else 8)

    def resolved_backend(self) -> BackendName:
        """`auto` means: an API when one is configured, else the embedded model."""
        if self.backend is not BackendName.auto:
            return self.backend
        if self.openai_api_key or self.openai_base_url:
            return BackendName.openai
        return BackendName.local
