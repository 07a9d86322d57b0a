CREATE TABLE "hcp_embedding" (
	"npi" varchar(10) PRIMARY KEY NOT NULL,
	"model" text NOT NULL,
	"dimensions" smallint NOT NULL,
	"text_hash" varchar(64) NOT NULL,
	"embedding" vector(1536) NOT NULL,
	"embedded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hcp_embedding" ADD CONSTRAINT "hcp_embedding_npi_hcp_npi_fk" FOREIGN KEY ("npi") REFERENCES "public"."hcp"("npi") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hcp_embedding_hnsw_idx" ON "hcp_embedding" USING hnsw ("embedding" vector_cosine_ops);--> statement-breakpoint
CREATE INDEX "hcp_embedding_model_idx" ON "hcp_embedding" USING btree ("model");