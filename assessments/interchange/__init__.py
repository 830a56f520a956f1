"""Questions in and out of the platform: Moodle's GIFT and Moodle XML.

Readers turn a file into `QuestionData` (one per question, with a report of
what could not be carried over); writers turn `QuestionData` back into a file.
Both are pure: storing and loading questions is `assessments.question_store`.
"""
