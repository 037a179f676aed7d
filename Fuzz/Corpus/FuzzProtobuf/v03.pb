
2/s0.3"t*
	schemaurl	2/schema2