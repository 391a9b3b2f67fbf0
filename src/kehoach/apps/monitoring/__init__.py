"""The plan as it is monitored: the pages, filters and API of indicators, tasks, projects and leaders.

These show the plan beside the assessment (ratings, statuses, figures), so they sit in the layer of
what people use, above the plan apps (``indicators``, ``tasks``, ``projects``), the data that comes in
(``figures``) and the assessment. The plan apps keep their models, forms, tables and services;
their templates stay under their own names (``indicators/...``, ``tasks/...``, ``projects/...``).
"""
