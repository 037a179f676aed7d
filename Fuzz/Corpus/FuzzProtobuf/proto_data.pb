
1234-1234-1234/mycontext/subcontext1.0"com.example.someeventB:
4https://type.googleapis.com/google.protobuf.Duration