"""The deal reader: German deal language read by code, under any model.

A 270M model cannot carry the judgment of who buys whom, at what price, how sure. Code
can, for the way German news states deals: `read_deals` turns each deal statement into a
candidate frame (kind from the trigger, roles from the clause, status from modality,
tense and attribution, the figures of that clause). A small model then only chooses among
frames; an API model sees them as hints, and grounding checks either against the article.
"""

from .frames import Frame, frame_keys, read_deals
from .moves import read_moves
from .sentences import Sentence, split_sentences

__all__ = ["Frame", "Sentence", "frame_keys", "read_deals", "read_moves", "split_sentences"]
