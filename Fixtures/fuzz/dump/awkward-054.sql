--
-- Data for Name: allgen; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.allgen  FROM stdin;

\.


