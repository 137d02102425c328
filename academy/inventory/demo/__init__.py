from academy.inventory.demo.seed import seed_inventory

__all__ = ["seed_inventory"]
