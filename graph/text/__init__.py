"""Reading texts: corpus and metadata, sentences, dates, amounts, numbers, entity mentions."""
