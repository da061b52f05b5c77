import django.db.models.deletion
from django.db import migrations, models

VECTOR_SQL = """
ALTER TABLE search_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', title_tokens), 'A')
    || setweight(to_tsvector('simple', body_tokens), 'D')
) STORED;
CREATE INDEX search_searchdocument_vector_gin ON search_searchdocument USING GIN (vector);
"""
DROP_VECTOR_SQL = """
DROP INDEX IF EXISTS search_searchdocument_vector_gin;
ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector;
"""


def add_vector(apps, schema_editor):
    # Full-text columns exist only on PostgreSQL; SQLite uses the embedded engine.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(VECTOR_SQL)


def drop_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_VECTOR_SQL)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("catalogue", "0001_create_catalogue"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "item",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="catalogue.informationitem",
                        verbose_name="政府信息",
                    ),
                ),
                ("title_tokens", models.TextField(verbose_name="名称词元")),
                ("body_tokens", models.TextField(verbose_name="正文词元")),
                ("organisation_id", models.BigIntegerField(db_index=True, verbose_name="机构")),
                ("category_id", models.BigIntegerField(blank=True, null=True, verbose_name="目录分类")),
                ("year", models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="年份")),
                (
                    "article20_item",
                    models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="第二十条事项"),
                ),
                ("validity", models.CharField(blank=True, max_length=20, verbose_name="有效性")),
                ("published_at", models.DateTimeField(blank=True, null=True, verbose_name="发布日期")),
            ],
            options={
                "verbose_name": "检索文档",
                "verbose_name_plural": "检索文档",
            },
        ),
        migrations.RunPython(add_vector, drop_vector),
    ]
