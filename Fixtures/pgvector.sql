--
-- PostgreSQL database dump
--

\restrict 03mvGRfE1sG7J7dLbDPCmUFyrT1gNcgQRIfI3JfBODFQMQ972oMK8DBkOARSqmv

-- Dumped from database version 18.6
-- Dumped by pg_dump version 18.6

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: vector; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public;


--
-- Name: EXTENSION vector; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION vector IS 'vector data type and ivfflat and hnsw access methods';


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: embeddings; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.embeddings (
    id bigint NOT NULL,
    embedding public.vector(3),
    half public.halfvec(3),
    label text
);


ALTER TABLE public.embeddings OWNER TO postgres;

--
-- Data for Name: embeddings; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.embeddings (id, embedding, half, label) FROM stdin;
1	[0.5,-1,2.25]	[1,2,3]	one
2	[1e-05,0,3]	\N	two
3	\N	[0.5,0.25,0]	three
\.


--
-- Name: embeddings embeddings_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.embeddings
    ADD CONSTRAINT embeddings_pkey PRIMARY KEY (id);


--
-- Name: embeddings_embedding_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX embeddings_embedding_idx ON public.embeddings USING hnsw (embedding public.vector_cosine_ops);


--
-- PostgreSQL database dump complete
--

\unrestrict 03mvGRfE1sG7J7dLbDPCmUFyrT1gNcgQRIfI3JfBODFQMQ972oMK8DBkOARSqmv

