"""The DuckDB warehouse: schema from the record models, one writer."""
from extract.warehouse.store import DEFAULT_DB, NoWarehouse, Warehouse

__all__ = ["Warehouse", "DEFAULT_DB", "NoWarehouse"]
