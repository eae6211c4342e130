"""The workbooks qcity writes: the fill-in template, the annotated copy and its summary sheet."""
