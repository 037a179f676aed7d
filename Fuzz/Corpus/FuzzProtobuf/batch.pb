
ž
1234-1234-1234/mycontext/subcontext1.0"com.example.someevent*%
datacontenttypeapplication/json*
time:ÖØ«²•šï::{"message": "Hello World!"}
C
1234-1234-1234/mycontext/subcontext1.0"com.example.someevent