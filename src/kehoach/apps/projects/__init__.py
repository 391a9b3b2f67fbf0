"""Key investment projects (công trình, dự án trọng điểm) listed by a document."""
