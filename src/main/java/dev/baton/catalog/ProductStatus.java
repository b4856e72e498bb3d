package dev.baton.catalog;

public enum ProductStatus {
    ACTIVE, DRAFT, ARCHIVED
}
