namespace boxoffice {
void modelsPlaceholder() {}
} // namespace boxoffice
