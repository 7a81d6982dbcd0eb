# nbval runs every notebook here against its stored outputs, except the handout template:
# it is a papermill template with an empty `plan_path` parameter and no stored outputs, so it
# is rendered and checked by tests/test_handouts.py instead.
collect_ignore = ["handout_template.ipynb"]
