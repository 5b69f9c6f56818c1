"""`landmine-monitor review-workflow`: create the review workflow of country reports (also done
by `setup`); safe to run again."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from landmine_monitor.network.workroom.workflow import ensure_review_workflow


class Command(BaseCommand):
    help = 'Create the "Report review" workflow (Coordinator review, Editor approval) on the reports.'

    def handle(self, *args, **options):
        result = ensure_review_workflow()
        steps = " → ".join(task.name for task in result.workflow.tasks)
        if result.created:
            self.stdout.write(f"Created: {'; '.join(result.created)}.")
        else:
            self.stdout.write("The review workflow was already there.")
        self.stdout.write(f'"{result.workflow.name}": {steps}, on the Country Reports tree.')
