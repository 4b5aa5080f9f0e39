"""Scale-out analysis on Apache Spark (``newsweave batch``): the same stages as ``analyze``, on a cluster.

pyspark is imported only when a job runs, so importing this package stays cheap.
"""

from newsweave.batch.spark import BatchReport, run_batch, spark_session

__all__ = ["BatchReport", "run_batch", "spark_session"]
