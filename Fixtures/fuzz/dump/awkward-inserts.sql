--
-- PostgreSQL database dump
--

\restrict S9vYvjlrMozQ9wpo0dP7yNjihuDEYoMV3xUNnxwoQ3jHI5xjug7ANxMKCIZwuIR

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: MixedCase; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."MixedCase" (
    "Id" integer,
    "Some Col" text
);


ALTER TABLE public."MixedCase" OWNER TO postgres;

--
-- Name: nocols; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.nocols (
);


ALTER TABLE public.nocols OWNER TO postgres;

--
-- Name: select; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."select" (
    "from" integer,
    "to" text
);


ALTER TABLE public."select" OWNER TO postgres;

--
-- Data for Name: MixedCase; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public."MixedCase" ("Id", "Some Col") VALUES
	(1, 'v1'),
	(2, 'v2');
INSERT INTO public."MixedCase" ("Id", "Some Col") VALUES
	(3, 'v3'),
	(4, 'v4');
INSERT INTO public."MixedCase" ("Id", "Some Col") VALUES
	(5, 'v5'),
	(6, 'v6');
INSERT INTO public."MixedCase" ("Id", "Some Col") VALUES
	(7, 'v7'),
	(8, 'v8');
INSERT INTO public."MixedCase" ("Id", "Some Col") VALUES
	(9, 'v9'),
	(10, 'v10');
INSERT INTO public."MixedCase" ("Id", "Some Col") VALUES
	(11, 'v11'),
	(12, 'v12');


--
-- Data for Name: nocols; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.nocols DEFAULT VALUES;
INSERT INTO public.nocols DEFAULT VALUES;


--
-- Data for Name: select; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public."select" ("from", "to") VALUES
	(1, 'a'),
	(2, 'b');
INSERT INTO public."select" ("from", "to") VALUES
	(3, NULL);


--
-- Name: select Trg on select; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER "Trg on select" BEFORE INSERT OR UPDATE OF "from" ON public."select" FOR EACH ROW EXECUTE FUNCTION public.trg();


--
-- PostgreSQL database dump complete
--

\unrestrict S9vYvjlrMozQ9wpo0dP7yNjihuDEYoMV3xUNnxwoQ3jHI5xjug7ANxMKCIZwuIR

