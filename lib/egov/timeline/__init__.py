"""Stage 4, the timeline: periods (`periods`), rates and shares per period with bootstrap
intervals, divergence and emerging terms (`trends`), and their figures (`figures`)."""
from egov.timeline.periods import (PERIOD_WORDS, PERIODS, assign_periods, coverage, dating_summary, default_eras,
                                   load_milestones, period_table)
from egov.timeline.trends import (ONE_ARTICLE, concept_trends, emerging_terms, first_appearance, jensen_shannon,
                                  theme_trends, topic_share_by_period)
from egov.timeline.topic_periods import largest_topics, period_quote, theme_periods, topic_periods

__all__ = ["PERIODS", "PERIOD_WORDS", "load_milestones", "default_eras", "assign_periods", "period_table",
           "dating_summary", "coverage", "concept_trends", "topic_share_by_period", "theme_trends", "jensen_shannon",
           "emerging_terms", "first_appearance", "ONE_ARTICLE", "topic_periods", "theme_periods", "largest_topics",
           "period_quote"]
