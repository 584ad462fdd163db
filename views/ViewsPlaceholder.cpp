namespace boxoffice {
void viewsPlaceholder() {}
} // namespace boxoffice
