from django.db import migrations, models


def record_periods(apps, schema_editor):
    # The period a complaint was given is the working days from receipt to its due date, in the
    # calendar its due date was computed with (the one in the database now).
    Complaint = apps.get_model("complaints", "Complaint")
    complaints = Complaint.objects.filter(answer_working_days__isnull=True)
    if not complaints.exists():
        return
    from gongkai.workdays.calendar import working_days_between

    for complaint in complaints.iterator():
        days = working_days_between(complaint.received_on, complaint.due_on)
        if days > 0:
            Complaint.objects.filter(pk=complaint.pk).update(answer_working_days=days)


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0001_complaints_and_settings"),
        ("workdays", "0002_seed_calendar_2004_2026"),
    ]

    operations = [
        migrations.AddField(
            model_name="complaint",
            name="answer_working_days",
            field=models.PositiveSmallIntegerField(
                blank=True, editable=False, null=True, verbose_name="答复期限（工作日）"
            ),
        ),
        migrations.RunPython(record_periods, migrations.RunPython.noop),
    ]
